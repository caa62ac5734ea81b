//! embedding-cli: a command-line tool that carries the NATS server, compiled by Go to a
//! wasip1 WebAssembly module, inside its own executable. build.rs checks the module's
//! SHA-256 before embedding it; this binary can write it back out, describe it, and (with
//! the `run` feature) run it under wasmtime.

mod sha256;
mod wasm;

#[cfg(feature = "run")]
mod run;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The module, embedded at build time (after build.rs checked its digest).
pub static MODULE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/embedded.wasm"));
/// Its SHA-256 as checked by build.rs.
pub const MODULE_SHA256: &str = env!("EMBEDDED_WASM_SHA256");
/// The file name it was embedded from.
pub const MODULE_NAME: &str = env!("EMBEDDED_WASM_NAME");

const USAGE: &str = "\
usage: embedding-cli <command> [options]

commands:
  info [--json]          describe the embedded wasm module: size, sha256, Go version,
                         the Go main module and the modules it was built from
  write-module OUT       write the embedded module to OUT, byte for byte ('-': stdout)
  run [--listen ADDR] [-- ARGS...]
                         run the module under wasmtime, with a TCP listener on ADDR
                         (default 127.0.0.1:4222) pre-opened as its fd 3
                         (only in builds with the `run` feature)

options:
  -h, --help             show this help
  -V, --version          show the version and the embedded module's digest
";

struct UsageError(String);

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn info(json: bool) -> Result<(), String> {
    // Recompute rather than trust the build-time value: a mismatch means the binary was
    // altered after it was built.
    let actual = sha256::hex_digest(MODULE);
    if actual != MODULE_SHA256 {
        return Err(format!(
            "embedded module has sha256 {actual}, but was embedded as {MODULE_SHA256}"
        ));
    }
    let details = wasm::inspect(MODULE);
    let main = details.main_module.clone().unwrap_or_default();
    if json {
        let deps: Vec<String> = details
            .deps
            .iter()
            .map(|m| {
                format!(
                    r#"{{"path":{},"version":{}}}"#,
                    json_string(&m.path),
                    json_string(&m.version)
                )
            })
            .collect();
        let opt = |v: Option<&str>| v.map(json_string).unwrap_or_else(|| "null".to_string());
        println!(
            r#"{{"cli":{{"name":"embedding-cli","version":{}}},"module":{{"name":{},"size":{},"sha256":{},"goVersion":{},"mainPackage":{},"mainModule":{},"deps":[{}]}}}}"#,
            json_string(env!("CARGO_PKG_VERSION")),
            json_string(MODULE_NAME),
            MODULE.len(),
            json_string(MODULE_SHA256),
            opt(details.go_version()),
            opt(details.main_package.as_deref()),
            details
                .main_module
                .as_ref()
                .map(|m| format!(
                    r#"{{"path":{},"version":{}}}"#,
                    json_string(&m.path),
                    json_string(&m.version)
                ))
                .unwrap_or_else(|| "null".to_string()),
            deps.join(",")
        );
        return Ok(());
    }
    println!("embedded module: {MODULE_NAME}");
    println!("size:            {} bytes", MODULE.len());
    println!("sha256:          {MODULE_SHA256} (checked at build time)");
    println!(
        "go version:      {}",
        details.go_version().unwrap_or("(not found)")
    );
    if details.main_module.is_some() {
        println!("main module:     {} {}", main.path, main.version);
    } else {
        println!("main module:     (no Go build info found)");
    }
    for dep in &details.deps {
        println!("  dep            {} {}", dep.path, dep.version);
    }
    Ok(())
}

/// Write the module to `out` ("-": stdout). Files are written beside the target and renamed
/// into place, so a failed write never leaves a truncated module behind.
fn write_module(out: &str) -> Result<(), String> {
    if out == "-" {
        let mut stdout = std::io::stdout().lock();
        return stdout
            .write_all(MODULE)
            .and_then(|_| stdout.flush())
            .map_err(|e| format!("stdout: {e}"));
    }
    let target = Path::new(out);
    let file_name = target
        .file_name()
        .ok_or_else(|| format!("{out}: not a file name"))?
        .to_string_lossy();
    let tmp = target.with_file_name(format!(".{file_name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, MODULE).and_then(|_| std::fs::rename(&tmp, target));
    if let Err(err) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{out}: {err}"));
    }
    eprintln!(
        "wrote {out} ({} bytes, sha256 {MODULE_SHA256})",
        MODULE.len()
    );
    Ok(())
}

#[cfg(not(feature = "run"))]
fn run_command(_args: &[String]) -> Result<(), String> {
    Err("this build has no wasmtime: rebuild with the `run` feature (see README)".to_string())
}

#[cfg(feature = "run")]
fn run_command(args: &[String]) -> Result<(), String> {
    run::run(args)
}

fn dispatch(args: &[String]) -> Result<Result<(), String>, UsageError> {
    let Some(command) = args.first() else {
        return Err(UsageError("missing command".to_string()));
    };
    let rest = &args[1..];
    match command.as_str() {
        "-h" | "--help" | "help" => {
            print!("{USAGE}");
            Ok(Ok(()))
        }
        "-V" | "--version" => {
            println!(
                "embedding-cli {} (embeds {MODULE_NAME} sha256:{MODULE_SHA256})",
                env!("CARGO_PKG_VERSION")
            );
            Ok(Ok(()))
        }
        "info" => match rest {
            [] => Ok(info(false)),
            [flag] if flag == "--json" => Ok(info(true)),
            _ => Err(UsageError(format!(
                "info: unexpected argument '{}'",
                rest[0]
            ))),
        },
        "write-module" => match rest {
            [out] => Ok(write_module(out)),
            [] => Err(UsageError("write-module: missing OUT".to_string())),
            _ => Err(UsageError(format!(
                "write-module: unexpected argument '{}'",
                rest[1]
            ))),
        },
        "run" => Ok(run_command(rest)),
        other => Err(UsageError(format!("unknown command '{other}'"))),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(message)) => {
            eprintln!("embedding-cli: {message}");
            ExitCode::from(1)
        }
        Err(UsageError(message)) => {
            eprintln!("embedding-cli: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}
