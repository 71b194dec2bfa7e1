//! A model's file read within limits, before anything of it is trusted: a regular file only (a device, a pipe or a
//! link to one is refused before a byte is read), at most `MAX_FILE_BYTES`, and for a GLB what its own header and
//! JSON declare — a file longer than its header says, or a binary chunk longer than the buffer its JSON declares, is
//! refused before the chunk is read.

use super::read::{MAX_FILE_BYTES, ReadError};
use std::path::Path;

/// Reads a model file whole, with a hard cap: a regular file (a device, a pipe or a link to one is refused before
/// anything is read) of at most `MAX_FILE_BYTES`, never more held; a GLB whose header declares another length than
/// the file has, or whose binary chunk is longer than the buffer its JSON declares, is refused before its binary
/// chunk is read.
pub fn read_model_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let file = path.display().to_string();
    let io = |source| ReadError::Io { file: file.clone(), source };
    let mut opened = crate::atomic_file::open_regular(path).map_err(io)?;
    let size = opened.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { file, size });
    }
    // A GLB says its own length (bytes 8–12): what it declares is what is read.
    let mut header = [0u8; 12];
    let head = (&mut opened).take(12).read(&mut header).map_err(io)?;
    if head == 12 && &header[..4] == b"glTF" {
        let declared = u64::from(u32::from_le_bytes([header[8], header[9], header[10], header[11]]));
        if declared != size {
            return Err(ReadError::DeclaredLength { file, declared, size });
        }
    }
    let mut bytes = Vec::with_capacity(size.min(1 << 20) as usize);
    bytes.extend_from_slice(&header[..head]);
    if head == 12 && &header[..4] == b"glTF" {
        // Its JSON first: the binary chunk may carry no more than the buffer the JSON declares (a file padded
        // with hundreds of megabytes nothing uses is refused before they are read).
        let mut chunk = [0u8; 8];
        (&mut opened).take(8).read_exact(&mut chunk).map_err(io)?;
        bytes.extend_from_slice(&chunk);
        let json_length = u64::from(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
        (&mut opened).take(json_length.min(size)).read_to_end(&mut bytes).map_err(io)?;
        let declared = serde_json::from_slice::<serde_json::Value>(&bytes[20..])
            .ok()
            .and_then(|json| json.get("buffers")?.get(0)?.get("byteLength")?.as_u64());
        let mut bin = [0u8; 8];
        let got = (&mut opened).take(8).read(&mut bin).map_err(io)?;
        bytes.extend_from_slice(&bin[..got]);
        let carried = u64::from(u32::from_le_bytes([bin[0], bin[1], bin[2], bin[3]]));
        if let Some(declared) = declared
            && got == 8
            && carried > declared + 3
        {
            return Err(ReadError::Undeclared { file, declared, carried });
        }
    }
    let read = bytes.len() as u64;
    bytes.reserve(size.saturating_sub(read) as usize);
    opened.take(MAX_FILE_BYTES + 1 - read).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { file, size: bytes.len() as u64 });
    }
    Ok(bytes)
}
