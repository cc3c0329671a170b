//! The `dutydesk` binary: parse the command line, load the config, set up logging, then
//! hand over to the command line or the board.

use dutydesk::cli::{self, Ctx};
use dutydesk::config::Config;
use dutydesk::safe_write;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    // The help and parse errors speak the interface language, known before parsing.
    let args: Vec<String> = std::env::args().collect();
    let config_path = dutydesk::paths::config_file();
    // Read once: its language is needed before parsing, the rest after.
    let loaded = Config::load(&config_path);
    let config_lang = loaded.as_ref().ok().and_then(|c| c.lang);
    let lang = cli::help_zh::early_lang(&args, config_lang);
    let cli = match cli::help_zh::parse(lang, cli::help_zh::rewrite_help(args)) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // A config file named explicitly but missing is said aloud (a typo would otherwise run
    // with another database and other keys than the ones meant). It stays a warning, on a
    // terminal, so that scripts may point DUTYDESK_CONFIG at nothing to run without one.
    let config_missing = std::env::var_os("DUTYDESK_CONFIG").is_some() && !config_path.exists();
    if config_missing && std::io::stderr().is_terminal() {
        eprintln!(
            "warning: config: {}: DUTYDESK_CONFIG names a file that does not exist; running without a config file",
            safe_write::escape(&config_path.display().to_string())
        );
    }
    let config = match loaded {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: config: {}", safe_write::escape(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    init_logging();
    if config_missing {
        tracing::warn!(path = %config_path.display(), "DUTYDESK_CONFIG names a missing file");
    }
    let ctx = Ctx::new(&cli, config);
    let lang = ctx.lang;
    match cli::run(cli, ctx) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS, // `dutydesk list | head`
        // A finished command's own exit code (`digest`: 3 when something is overdue).
        Err(e) if e.downcast_ref::<cli::shift_args::ExitWith>().is_some() => ExitCode::from(
            e.downcast_ref::<cli::shift_args::ExitWith>()
                .map_or(1, |x| x.0),
        ),
        // A chosen exit code (`check`: 3 with violations), its output already printed.
        Err(e) if e.downcast_ref::<cli::Exit>().is_some() => {
            ExitCode::from(e.downcast_ref::<cli::Exit>().map_or(1, |x| x.0))
        }
        Err(e) => {
            tracing::error!("{e:#}");
            // Errors echo input (a value, a file name): never raw to the terminal.
            eprintln!(
                "{}{}",
                lang.pick("错误：", "error: "),
                safe_write::escape(&format!("{e:#}"))
            );
            ExitCode::from(cli::exit::code_of(&e))
        }
    }
}

/// Whether the error is only the reader of our output going away.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Logs go to a file (never to the screen, which the board owns): `DUTYDESK_LOG` names the
/// file, else `dutydesk.log` in the data directory. The file is opened at the first line
/// logged (see [`dutydesk::log_file`]); if it cannot be, the program runs without logs.
fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let path = std::env::var_os("DUTYDESK_LOG")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dutydesk::paths::log_dir().join("dutydesk.log"));
    let filter =
        EnvFilter::try_from_env("DUTYDESK_LOG_LEVEL").unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_writer(dutydesk::log_file::LogFile::new(path))
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
}
