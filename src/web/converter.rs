//! The converters' web worker (`src/bin/converter.rs`), started on first
//! use so that the other tools' formats stay out of the page's first load.
//! Jobs go as `{id, job, files}` (the job as JSON, files as bytes) and come
//! back as `{id, reply, bytes}`; see [`crate::model::exchange::job`].

use super::Error;
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

/// Where Trunk puts the worker's loader (`index.html`, `data-loader-shim`).
const LOADER: &str = "./converter_loader.js";

/// What a job's caller gets: the reply JSON and the bytes beside it.
type Done = Box<dyn FnOnce(Result<(String, Vec<u8>), Error>)>;

struct Conn {
    worker: Worker,
    pending: Rc<RefCell<HashMap<u32, Done>>>,
    /// Messages waiting until the worker says it is ready (it drops those
    /// that arrive while its wasm is still loading); `None` once ready.
    queue: Rc<RefCell<Option<Vec<Object>>>>,
    next: u32,
    // Kept alive as long as the worker.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static CONN: RefCell<Option<Conn>> = const { RefCell::new(None) };
}

/// Run `job` (JSON) with `files` in the worker, starting it if needed;
/// `done` gets the reply or why the worker could not answer.
pub fn run(
    job: String,
    files: Vec<Vec<u8>>,
    done: impl FnOnce(Result<(String, Vec<u8>), Error>) + 'static,
) {
    let done: Done = Box::new(done);
    let started = CONN.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(start()?);
        }
        Ok::<_, JsValue>(())
    });
    if let Err(e) = started {
        return done(Err(Error::Converter(describe(&e))));
    }
    let sent = CONN.with(|c| {
        let mut c = c.borrow_mut();
        let conn = c.as_mut().expect("started above");
        let id = conn.next;
        conn.next += 1;
        conn.pending.borrow_mut().insert(id, done);
        let list = Array::new();
        for f in &files {
            list.push(&Uint8Array::from(f.as_slice()));
        }
        let message = Object::new();
        Reflect::set(&message, &"id".into(), &id.into())?;
        Reflect::set(&message, &"job".into(), &job.into())?;
        Reflect::set(&message, &"files".into(), &list)?;
        let mut queue = conn.queue.borrow_mut();
        if let Some(waiting) = queue.as_mut() {
            waiting.push(message);
            return Ok(());
        }
        conn.worker.post_message(&message)
    });
    if let Err(e) = sent {
        fail_all(&describe(&e));
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(
        || "the browser refused it".to_owned(),
        |e| String::from(e.message()),
    )
}

fn start() -> Result<Conn, JsValue> {
    let worker = Worker::new(LOADER)?;
    let pending: Rc<RefCell<HashMap<u32, Done>>> = Rc::default();
    let queue: Rc<RefCell<Option<Vec<Object>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let (p, q, w) = (pending.clone(), queue.clone(), worker.clone());
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let data = e.data();
        let get = |k: &str| Reflect::get(&data, &k.into()).unwrap_or(JsValue::UNDEFINED);
        if get("ready").is_truthy() {
            let waiting = q.borrow_mut().take().unwrap_or_default();
            for m in waiting {
                if let Err(e) = w.post_message(&m) {
                    return fail_all(&describe(&e));
                }
            }
            return;
        }
        let id = get("id").as_f64().unwrap_or(-1.0) as u32;
        let reply = get("reply").as_string().unwrap_or_default();
        let bytes = get("bytes")
            .dyn_into::<Uint8Array>()
            .map(|b| b.to_vec())
            .unwrap_or_default();
        // Not borrowed while `done` runs: it may start another job.
        let done = p.borrow_mut().remove(&id);
        if let Some(done) = done {
            done(Ok((reply, bytes)));
        }
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let why = e.dyn_ref::<web_sys::ErrorEvent>().map_or_else(
            || "it did not load".to_owned(),
            web_sys::ErrorEvent::message,
        );
        fail_all(&why);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Conn {
        worker,
        pending,
        queue,
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Fail every job in flight and stop the worker (the next job starts a
/// new one). The connection is dropped later: this may run inside its own
/// error handler.
fn fail_all(why: &str) {
    let conn = CONN.with(|c| c.borrow_mut().take());
    let Some(conn) = conn else {
        return;
    };
    conn.worker.terminate();
    let pending: Vec<Done> = conn.pending.borrow_mut().drain().map(|(_, d)| d).collect();
    gloo::timers::callback::Timeout::new(0, move || drop(conn)).forget();
    for done in pending {
        done(Err(Error::Converter(why.to_owned())));
    }
}
