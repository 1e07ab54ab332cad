#![no_main]
// Any bytes as library.json (load, validate, build over the built-in data)
// and as user-data.json: what the disk holds at start-up.
libfuzzer_sys::fuzz_target!(|data: &[u8]| atlas_import::fuzzing::stored_state(data));
