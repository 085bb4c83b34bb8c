//! A model from the user's own files, picked or dropped: the files are read into memory here
//! and assembled by [`crate::session::Loaded::from_named_files`]. Nothing leaves the browser.

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;

/// Larger files are refused before reading (wasm32 memory ends at 4 GiB).
pub const MAX_FILE_BYTES: f64 = 2.0e9;

/// The files of a `FileList` as (name, bytes), in order.
pub async fn read(list: &web_sys::FileList) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    for i in 0..list.length() {
        let Some(file) = list.item(i) else { continue };
        let name = file.name();
        if file.size() > MAX_FILE_BYTES {
            return Err(format!(
                "{name} is {:.1} GB; Lupe reads files up to {:.0} GB",
                file.size() / 1e9,
                MAX_FILE_BYTES / 1e9
            ));
        }
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("{name} cannot be read"))?;
        files.push((name, Uint8Array::new(&buffer).to_vec()));
    }
    Ok(files)
}
