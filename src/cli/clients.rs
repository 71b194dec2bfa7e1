//! `ecrin clients list | export | erase | remove-old-autosaves`: the client's data (RGPD) from the command line —
//! which packs name a client, a copy of them for the client (the right of access), their erasure (the right to be
//! forgotten, only with `--yes`, each folder removed reported), and autosaves older than a number of days removed.

use crate::approval::clients::{self, ClientError};
use crate::tr;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand, Debug)]
pub enum ClientsCommand {
    /// Every client named in the approval packs, with their packs.
    List,
    /// Copy every pack naming a client into a new folder (the right of access).
    Export {
        /// The client's name, as on the packs.
        client: String,
        /// The folder to create.
        #[arg(long)]
        out: PathBuf,
    },
    /// Delete every pack naming a client (the right to erasure); only with --yes; prints each folder removed.
    Erase {
        /// The client's name, as on the packs.
        client: String,
        /// Confirm the erasure (without it, the packs that would go are listed and nothing is removed).
        #[arg(long)]
        yes: bool,
    },
    /// Remove autosaves (the last session kept for a crash) older than a number of days.
    RemoveOldAutosaves {
        /// Days an autosave is kept.
        #[arg(long, default_value_t = crate::studio::floor::files::KEEP_AUTOSAVES_DAYS)]
        days: u32,
    },
}

fn said(error: &ClientError) -> String {
    let l = super::language();
    match error {
        ClientError::Io { path, source } => tr!(l, "error-in-file", file = path, what = source.to_string()),
        ClientError::Exists { path } => tr!(l, "clients-export-exists", folder = path),
    }
}

/// A place an erasure could not check, and why, in the advisor's language.
pub fn unchecked(place: &clients::Unchecked) -> String {
    let l = super::language();
    let path = place.path.display().to_string();
    match &place.why {
        clients::UncheckedWhy::Link => tr!(l, "clients-unchecked-link", path = path),
        clients::UncheckedWhy::NoRecord => tr!(l, "clients-unchecked-no-record", path = path),
        clients::UncheckedWhy::UnreadableRecord(reason) => {
            tr!(l, "clients-unchecked-unreadable", path = path, reason = reason)
        }
    }
}

pub fn run(command: ClientsCommand, approvals: Option<PathBuf>) -> ExitCode {
    let l = super::language();
    let approvals = approvals.unwrap_or_else(|| crate::studio::floor::files::approvals_dir(l));
    match command {
        ClientsCommand::List => {
            let listed = clients::clients(&approvals);
            if listed.is_empty() {
                println!("{}", tr!(l, "clients-none", folder = approvals.display().to_string()));
            }
            for (client, packs) in listed {
                println!("{}", tr!(l, "clients-line", client = client, count = packs.len()));
                for pack in packs {
                    println!("  {}", pack.folder.display());
                }
            }
            // What could not be read is told: a list that cannot say it is complete says so.
            let unchecked = clients::scan(&approvals).unchecked;
            if !unchecked.is_empty() {
                println!("{}", tr!(l, "clients-list-incomplete", count = unchecked.len()));
                for place in &unchecked {
                    println!("  {}", self::unchecked(place));
                }
            }
            ExitCode::SUCCESS
        }
        ClientsCommand::Export { client, out } => match clients::export(&approvals, &client, &out) {
            Ok(files) => {
                println!(
                    "{}",
                    tr!(l, "clients-exported", client = client, count = files, folder = out.display().to_string())
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{}", said(&error));
                ExitCode::FAILURE
            }
        },
        ClientsCommand::Erase { client, yes: false } => {
            let packs = clients::packs_of(&approvals, &client);
            println!("{}", tr!(l, "clients-erase-confirm", client = client, count = packs.len()));
            for pack in packs {
                println!("  {}", pack.folder.display());
            }
            // What an erasure could not check is told before it is confirmed.
            let unchecked = clients::scan(&approvals).unchecked;
            if !unchecked.is_empty() {
                println!("{}", tr!(l, "clients-erase-incomplete", count = unchecked.len()));
                for place in &unchecked {
                    println!("  {}", self::unchecked(place));
                }
            }
            ExitCode::from(2)
        }
        ClientsCommand::Erase { client, yes: true } => match clients::erase(&approvals, &client) {
            Ok(erasure) => {
                println!("{}", tr!(l, "clients-erased", client = client, count = erasure.removed.len()));
                for folder in &erasure.removed {
                    println!("  {}", folder.display());
                }
                if erasure.complete() {
                    return ExitCode::SUCCESS;
                }
                // An erasure that cannot prove it is complete says so, and where to look (exit 1).
                eprintln!("{}", tr!(l, "clients-erase-incomplete", count = erasure.unchecked.len()));
                for place in &erasure.unchecked {
                    eprintln!("  {}", unchecked(place));
                }
                ExitCode::FAILURE
            }
            Err(error) => {
                eprintln!("{}", said(&error));
                ExitCode::FAILURE
            }
        },
        ClientsCommand::RemoveOldAutosaves { days } => {
            let removed = clients::remove_old_autosaves(&crate::studio::floor::files::default_autosave_path(), days);
            println!("{}", tr!(l, "clients-autosaves-removed", count = removed.len(), days = days));
            for file in removed {
                println!("  {}", file.display());
            }
            ExitCode::SUCCESS
        }
    }
}
