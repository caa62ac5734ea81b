//! `embedding-cli run`: the embedded NATS server under wasmtime (the `run` feature).
//!
//! Built only by the release workflow, which adds the crates first
//! (`cargo add wasmtime@27.0.0 wasi-common@27.0.0`); crates.io is not needed otherwise.
//! wasi-common is wasmtime's WASI preview 1 implementation with pre-opened sockets (the
//! same one behind `wasmtime run -S tcplisten=ADDR`); the NATS module takes its client
//! listener from fd 3 (examples/nats-wasip1/overlay/server/listen_wasip1.go).

use wasi_common::sync::{add_to_linker, TcpListener, WasiCtxBuilder};
use wasi_common::{I32Exit, WasiCtx};
use wasmtime::{Engine, Linker, Module, Store};

use crate::MODULE;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut listen = "127.0.0.1:4222".to_string();
    let mut rest = args;
    while let Some(first) = rest.first() {
        match first.as_str() {
            "--listen" => {
                listen = rest.get(1).ok_or("run: --listen needs ADDR")?.clone();
                rest = &rest[2..];
            }
            "--" => {
                rest = &rest[1..];
                break;
            }
            _ => break,
        }
    }
    let engine = Engine::default();
    let module = Module::new(&engine, MODULE).map_err(|e| format!("run: compile: {e}"))?;
    let mut linker: Linker<WasiCtx> = Linker::new(&engine);
    add_to_linker(&mut linker, |ctx| ctx).map_err(|e| format!("run: link: {e}"))?;

    let socket = std::net::TcpListener::bind(&listen).map_err(|e| format!("run: {listen}: {e}"))?;
    let mut argv = vec!["nats-server".to_string()];
    argv.extend(rest.iter().cloned());
    let wasi = WasiCtxBuilder::new()
        .inherit_stdio()
        .args(&argv)
        .map_err(|e| format!("run: arguments: {e}"))?
        .preopened_socket(3, TcpListener::from_std(socket))
        .map_err(|e| format!("run: pre-open {listen}: {e}"))?
        .build();
    let mut store = Store::new(&engine, wasi);
    linker
        .module(&mut store, "", &module)
        .map_err(|e| format!("run: instantiate: {e}"))?;
    let start = linker
        .get_default(&mut store, "")
        .and_then(|f| f.typed::<(), ()>(&store))
        .map_err(|e| format!("run: entry point: {e}"))?;
    match start.call(&mut store, ()) {
        Ok(()) => Ok(()),
        // Go ends with proc_exit, which wasmtime reports as an I32Exit error.
        Err(e) => match e.downcast_ref::<I32Exit>() {
            Some(I32Exit(0)) => Ok(()),
            Some(I32Exit(code)) => Err(format!("nats-server exited with status {code}")),
            None => Err(format!("run: nats-server: {e:#}")),
        },
    }
}
