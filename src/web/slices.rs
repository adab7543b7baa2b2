//! Long work cut into slices: a job runs for about [`BUDGET_MS`] per task,
//! then gives the browser a turn (input, paint) before the next slice, so
//! the page stays responsive while a large file loads.

use gloo::timers::callback::Timeout;
use std::cell::Cell;

/// Work per task, in milliseconds: a long task is one over 50 ms.
const BUDGET_MS: f64 = 25.0;

/// What one step of a job did.
pub enum Step<T> {
    /// More to do; the job is this far along, from 0 to 1.
    More(f64),
    Done(T),
}

thread_local! {
    /// Bumped to cancel the jobs started before.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

/// Stop every job started so far: none of them calls back again.
pub fn cancel_all() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

/// A job's right to go on: void once [`cancel_all`] runs after it was taken.
#[derive(Clone, Copy)]
pub struct Ticket(u64);

impl Ticket {
    pub fn take() -> Self {
        Self(GENERATION.with(Cell::get))
    }

    pub fn valid(self) -> bool {
        GENERATION.with(Cell::get) == self.0
    }
}

/// Run `step` until it is done, as many steps per task as fit the budget
/// (each step should be a millisecond or less of work). After each task
/// that leaves work, `progress` gets how far along the job is; at the end,
/// `done` gets the result. Stops without a word once `live()` is false.
pub fn run<T: 'static>(
    live: impl Fn() -> bool + 'static,
    mut step: impl FnMut() -> Step<T> + 'static,
    mut progress: impl FnMut(f64) + 'static,
    done: impl FnOnce(T) + 'static,
) {
    Timeout::new(0, move || {
        if !live() {
            return;
        }
        let start = js_sys::Date::now();
        let mut along = 0.0;
        while js_sys::Date::now() - start < BUDGET_MS {
            match step() {
                Step::More(f) => along = f,
                Step::Done(value) => return done(value),
            }
        }
        progress(along);
        run(live, step, progress, done);
    })
    .forget();
}
