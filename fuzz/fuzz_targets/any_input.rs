#![no_main]
// Any bytes through format detection and the matching parser (data packs
// included), as a file dropped on the window is.
libfuzzer_sys::fuzz_target!(|data: &[u8]| atlas_import::fuzzing::any(data));
