//! Embeds the NATS server wasm module, after checking it is the module this CLI expects.
//!
//! - `NATS_WASM`: the module to embed (default: ../nats-wasip1/build/nats-server.wasm,
//!   where `../nats-wasip1/build.sh ../nats-wasip1/build` puts it).
//! - The expected SHA-256: `NATS_WASM_SHA256` (64 hex digits) when set, else the first
//!   field of `nats-wasip1.sha256` (sha256sum format) beside Cargo.toml, which the release
//!   pipeline updates together with the module it pins. Without either, the build fails:
//!   an unchecked module is exactly what this check exists to prevent.
//!
//! The build fails, naming both digests, when the module differs from the expected one.

#[path = "src/sha256.rs"]
mod sha256;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;

fn fail(message: String) -> ! {
    // Cargo shows a failing build script's stderr; `error:` lines stand out in it.
    eprintln!("error: {message}");
    exit(1);
}

fn expected_sha256(manifest_dir: &Path) -> (String, String) {
    if let Ok(value) = env::var("NATS_WASM_SHA256") {
        return (
            value.trim().to_ascii_lowercase(),
            "NATS_WASM_SHA256".to_string(),
        );
    }
    let file = manifest_dir.join("nats-wasip1.sha256");
    match fs::read_to_string(&file) {
        Ok(text) => {
            let first = text
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            (first, file.display().to_string())
        }
        Err(_) => fail(format!(
            "no expected SHA-256 for the embedded wasm module: set NATS_WASM_SHA256, or write \
             `<sha256>  nats-server.wasm` to {}",
            file.display()
        )),
    }
}

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    println!("cargo:rerun-if-env-changed=NATS_WASM");
    println!("cargo:rerun-if-env-changed=NATS_WASM_SHA256");
    println!("cargo:rerun-if-changed=nats-wasip1.sha256");
    println!("cargo:rerun-if-changed=src/sha256.rs");

    let wasm_path = env::var_os("NATS_WASM")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("../nats-wasip1/build/nats-server.wasm"));
    println!("cargo:rerun-if-changed={}", wasm_path.display());

    let (expected, source) = expected_sha256(&manifest_dir);
    if expected.len() != 64 || !expected.bytes().all(|b| b.is_ascii_hexdigit()) {
        fail(format!(
            "{source}: '{expected}' is not a SHA-256 (64 hex digits)"
        ));
    }

    let bytes = fs::read(&wasm_path).unwrap_or_else(|err| {
        fail(format!(
            "cannot read the wasm module {}: {err} (build it with \
             examples/nats-wasip1/build.sh, or point NATS_WASM at it)",
            wasm_path.display()
        ))
    });
    if !bytes.starts_with(b"\0asm\x01\0\0\0") {
        fail(format!(
            "{} is not a WebAssembly module",
            wasm_path.display()
        ));
    }
    let actual = sha256::hex_digest(&bytes);
    if actual != expected {
        fail(format!(
            "{} has sha256 {actual}, but {source} expects {expected}",
            wasm_path.display()
        ));
    }

    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("embedded.wasm");
    fs::write(&out, &bytes).unwrap_or_else(|err| fail(format!("{}: {err}", out.display())));
    let name = wasm_path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("module.wasm");
    println!("cargo:rustc-env=EMBEDDED_WASM_SHA256={actual}");
    println!("cargo:rustc-env=EMBEDDED_WASM_NAME={name}");
}
