//! The text of a PDF as an independent reader extracts it (poppler's `pdftotext`, installed by .ci/run): shared by the
//! core's and the studio's test binaries.

use std::path::Path;

pub fn pdf_text(path: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils, installed by .ci/run)");
    assert!(output.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).into_owned()
}
