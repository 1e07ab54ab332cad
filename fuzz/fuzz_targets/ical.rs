#![no_main]
// The ical parser on arbitrary bytes: no panic, no hang, and any accepted
// schedule keeps the parsers' promises (see atlas_import::fuzzing).
libfuzzer_sys::fuzz_target!(|data: &[u8]| atlas_import::fuzzing::ical(data));
