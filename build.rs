//! Build checks for php-ipc.
//!
//! ext-php-rs generates the engine bindings from the headers of the `php`
//! found on PATH (or $PHP). This script states which PHP the build targets
//! (shown by `php --ri ipc`) and, when the prerequisites are missing, says
//! which Debian packages provide them instead of leaving a bindgen panic as
//! the only clue.

use std::process::Command;

fn run(cmd: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(cmd).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    let php = std::env::var("PHP").unwrap_or_else(|_| "php".into());
    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());

    let Some(version) = run(&php, &["-n", "-r", "echo PHP_VERSION;"]) else {
        panic!("php-ipc: `{php}` was not found. Install PHP 8.2's CLI: apt-get install php8.2-cli php8.2-dev (or run scripts/setup.sh)");
    };
    let Some(api) = run(&php_config, &["--phpapi"]) else {
        panic!("php-ipc: `{php_config}` was not found: PHP's development files are missing. Install them: apt-get install php8.2-dev (or run scripts/setup.sh)");
    };
    let include = run(&php_config, &["--include-dir"]).unwrap_or_default();
    if !std::path::Path::new(&include).join("main/php.h").exists() {
        panic!("php-ipc: PHP headers not found under `{include}`. Install php8.2-dev.");
    }
    let has_libclang = ["/usr/lib/llvm-14/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib"].iter().any(|d| {
        std::fs::read_dir(d)
            .map(|it| it.flatten().any(|e| e.file_name().to_string_lossy().starts_with("libclang")))
            .unwrap_or(false)
    });
    if !has_libclang {
        println!("cargo:warning=php-ipc: libclang not found; bindgen needs it: apt-get install libclang1-14 libclang-common-14-dev");
    }
    if !version.starts_with("8.2.") {
        println!("cargo:warning=php-ipc targets PHP 8.2; building against PHP {version} (API {api}) is untested");
    }
    println!("cargo:rustc-env=PHP_IPC_PHP_VERSION={version}");
    println!("cargo:rustc-env=PHP_IPC_PHP_API={api}");
}
