//! Work that never holds up a frame — a file dialog, a child process, the analysis of a model — in one pattern, as
//! Bevy's `async_tasks` examples show: the work runs elsewhere and sends what it finds through a channel; a system
//! looks at the channel each frame without waiting (`try_next`). Computations run on Bevy's `AsyncComputeTaskPool`;
//! blocking waits (a dialog, a child process's output) on their own thread, so they never occupy the pool Bevy
//! also compiles pipelines on.

use bevy::tasks::AsyncComputeTaskPool;
use crossbeam_channel::{Receiver, Sender, TryRecvError, unbounded};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};

/// Results of work running off the frame, as they come.
pub struct Background<T>(Receiver<T>);

/// What `try_next` found.
#[derive(Debug, PartialEq)]
pub enum Polled<T> {
    /// A result (work that streams, like progress lines, may send several).
    Ready(T),
    /// Nothing yet: look again next frame.
    Waiting,
    /// The work ended and everything it sent was read.
    Finished,
}

impl<T: Send + 'static> Background<T> {
    /// Runs a computation on Bevy's async compute pool; its one result comes back.
    pub fn compute(work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (sender, receiver) = unbounded();
        AsyncComputeTaskPool::get()
            .spawn(async move {
                let _ = sender.send(work());
            })
            .detach();
        Background(receiver)
    }

    /// Runs blocking work (a native dialog, waiting on a child process) on its own thread; it sends what it has,
    /// as often as it has something.
    pub fn thread(work: impl FnOnce(Sender<T>) + Send + 'static) -> Self {
        let (sender, receiver) = unbounded();
        std::thread::spawn(move || work(sender));
        Background(receiver)
    }

    /// Waits for the next result (`None` once the work ended): for worker threads only, never on a frame.
    pub fn wait_next(&self) -> Option<T> {
        self.0.recv().ok()
    }

    /// For work with one result: `None` while it runs; then its result, or `Some(None)` if it ended without one.
    pub fn outcome(&self) -> Option<Option<T>> {
        match self.try_next() {
            Polled::Waiting => None,
            Polled::Ready(value) => Some(Some(value)),
            Polled::Finished => Some(None),
        }
    }

    /// What has come back since the last look, without waiting.
    pub fn try_next(&self) -> Polled<T> {
        match self.0.try_recv() {
            Ok(value) => Polled::Ready(value),
            Err(TryRecvError::Empty) => Polled::Waiting,
            Err(TryRecvError::Disconnected) => Polled::Finished,
        }
    }
}

/// What a child process of Écrin's says, line by line, and how it ended.
#[derive(Debug, PartialEq)]
pub enum ChildEvent {
    /// A line of its standard output.
    Line(String),
    /// It ended: its exit status (or why it could not be waited for) and the last line it wrote on standard
    /// error, if any.
    Exited { status: Result<ExitStatus, ChildLost>, last_error: Option<String> },
}

/// Why a child's exit status is not known.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ChildLost {
    /// It could not be waited for (the system's words).
    #[error("it could not be waited for: {0}")]
    Wait(String),
    /// It ended without a word.
    #[error("it ended without a word")]
    Silent,
}

/// A child process running one of Écrin's own commands (`ecrin pack`, `ecrin board`): its own renderer, so a
/// long export never takes a frame from the studio.
pub struct ChildJob {
    pub events: Background<ChildEvent>,
    stdin: Option<ChildStdin>,
}

impl ChildJob {
    /// Starts `ecrin <args>` on this run's collection folder (the pieces may be the house's models); its output
    /// comes back as events.
    pub fn start(args: &[std::ffi::OsString]) -> Result<Self, std::io::Error> {
        Self::start_in(&crate::collection::current().dir, args)
    }

    /// Starts `ecrin <args>` on a given collection folder.
    pub fn start_in(collection: &std::path::Path, args: &[std::ffi::OsString]) -> Result<Self, std::io::Error> {
        let executable = std::env::current_exe()?;
        let mut child: Child = Command::new(executable)
            .arg("--collection")
            .arg(collection)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take();
        let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
        let events = Background::thread(move |sender| {
            // Standard error is read alongside, so that a chatty child never blocks on a full pipe.
            let errors = std::thread::spawn(move || {
                stderr.map_or_else(Vec::new, |e| BufReader::new(e).lines().map_while(Result::ok).collect::<Vec<_>>())
            });
            if let Some(stdout) = stdout {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    let _ = sender.send(ChildEvent::Line(line));
                }
            }
            let status = child.wait().map_err(|e| ChildLost::Wait(e.to_string()));
            let last_error = errors.join().ok().and_then(|lines| {
                lines.into_iter().rev().find(|line| !line.trim().is_empty()).map(|line| line.trim().to_string())
            });
            let _ = sender.send(ChildEvent::Exited { status, last_error });
        });
        Ok(ChildJob { events, stdin })
    }

    /// Waits until it ends (for worker threads only): its exit status and last error line.
    pub fn wait_for_exit(self) -> (Result<ExitStatus, ChildLost>, Option<String>) {
        while let Some(event) = self.events.wait_next() {
            if let ChildEvent::Exited { status, last_error } = event {
                return (status, last_error);
            }
        }
        (Err(ChildLost::Silent), None)
    }

    /// Writes a line to its standard input (how `ecrin pack --cancel-on-stdin` is asked to stop).
    pub fn tell(&mut self, line: &str) {
        if let Some(stdin) = self.stdin.as_mut() {
            let _ = writeln!(stdin, "{line}");
            let _ = stdin.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for<T: Send + 'static>(work: &Background<T>) -> Polled<T> {
        for _ in 0..500 {
            match work.try_next() {
                Polled::Waiting => std::thread::sleep(std::time::Duration::from_millis(10)),
                other => return other,
            }
        }
        Polled::Waiting
    }

    #[test]
    fn results_come_back_without_waiting_and_the_end_is_told() {
        let (release, gate) = unbounded::<()>();
        let work = Background::thread(move |sender| {
            let _ = gate.recv();
            let _ = sender.send(1);
            let _ = sender.send(2);
        });
        // The work is held: looking does not wait for it.
        assert_eq!(work.try_next(), Polled::Waiting);
        release.send(()).expect("the work is waiting");
        assert_eq!(wait_for(&work), Polled::Ready(1));
        assert_eq!(wait_for(&work), Polled::Ready(2));
        assert_eq!(wait_for(&work), Polled::Finished);
        AsyncComputeTaskPool::get_or_init(bevy::tasks::TaskPool::new);
        let computed = Background::compute(|| 6 * 7);
        assert_eq!(wait_for(&computed), Polled::Ready(42));
        // Work with one result: nothing while it runs, then the result, or "ended without one".
        let silent = Background::<u8>::thread(|_sender| {});
        let mut outcome = silent.outcome();
        for _ in 0..500 {
            if outcome.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            outcome = silent.outcome();
        }
        assert_eq!(outcome, Some(None));
    }
}
