//! The converters' web worker side (`src/bin/converter.rs`): once loaded it
//! posts `{ready: true}`; then each message `{id, job, files}` runs
//! [`job::run`] and is answered `{id, reply, bytes}`, the bytes' buffer
//! transferred, not copied.

use crate::model::exchange::job;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Answer messages until the page stops the worker.
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
        let files: Vec<Vec<u8>> = get("files")
            .dyn_into::<Array>()
            .map(|list| {
                list.iter()
                    .filter_map(|f| f.dyn_into::<Uint8Array>().ok())
                    .map(|f| f.to_vec())
                    .collect()
            })
            .unwrap_or_default();
        let (reply, bytes) = job::run(&get("job").as_string().unwrap_or_default(), &files);
        let bytes = Uint8Array::from(bytes.as_slice());
        let message = Object::new();
        let set = |k: &str, v: &JsValue| Reflect::set(&message, &k.into(), v).map(|_| ());
        let sent = set("id", &get("id"))
            .and_then(|()| set("reply", &reply.into()))
            .and_then(|()| set("bytes", &bytes))
            .and_then(|()| {
                reply_to.post_message_with_transfer(&message, &Array::of1(&bytes.buffer()))
            });
        if let Err(e) = sent {
            web_sys::console::error_1(&e);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as the page keeps it.
    on_message.forget();
    // Messages sent while the wasm loaded were dropped: the page waits for this.
    let ready = Object::new();
    if Reflect::set(&ready, &"ready".into(), &true.into())
        .and_then(|_| scope.post_message(&ready))
        .is_err()
    {
        web_sys::console::error_1(&"the converters could not say they are ready".into());
    }
}
