//! The binary snapshot loader. The input is the body: the header (magic, version, length,
//! CRC-32) is computed here, so that the fuzzer explores the decoder and the graph checks rather
//! than the checksum. A first byte of 0xff passes the bytes through unchanged (whole-file
//! damage: header, truncation).
#![no_main]
use libfuzzer_sys::fuzz_target;
use newsgraph::store::{self, BIN_MAGIC, BIN_VERSION};

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((0xff, rest)) => rest.to_vec(),
        _ => {
            let mut v = BIN_MAGIC.to_vec();
            v.extend_from_slice(&BIN_VERSION.to_le_bytes());
            v.extend_from_slice(&(data.len() as u64).to_le_bytes());
            v.extend_from_slice(&crc32fast_hash(data).to_le_bytes());
            v.extend_from_slice(data);
            v
        }
    };
    if let Ok(g) = store::from_bin(bytes, std::path::Path::new("fuzz.bin")) {
        let _ = g.csr();
        let again = store::to_bin(&g);
        store::from_bin(again, std::path::Path::new("again.bin")).expect("a loaded graph saves as a loadable file");
    }
});

/// CRC-32 (IEEE), as the snapshot header has it.
fn crc32fast_hash(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
