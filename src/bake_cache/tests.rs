//! The cache keeps a bake whole, tells a stale file from a damaged one, and never gives back damaged bytes.

use super::*;

fn scratch(name: &str) -> BakeCache {
    let folder = std::env::temp_dir().join(format!("ecrin-bakes-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    BakeCache::at(folder)
}

#[test]
fn a_kept_bake_reads_back_and_other_inputs_find_it_stale() {
    let cache = scratch("roundtrip");
    assert!(matches!(cache.read("studio", "studio 256"), Found::Missing));
    let payload: Vec<u8> = (0..10_000u32).map(|i| (i * 7) as u8).collect();
    cache.keep("studio", "studio 256", &payload).expect("written");
    assert_eq!(cache.read("studio", "studio 256").usable().expect("whole"), payload);
    // Other inputs under the same name: made again, nothing to say.
    assert!(matches!(cache.read("studio", "studio 512").usable(), Err(None)));
    let _ = std::fs::remove_dir_all(&cache.folder);
}

#[test]
fn a_damaged_file_is_never_trusted_and_is_said() {
    let cache = scratch("damaged");
    let payload = vec![42u8; 4096];
    cache.keep("candle", "candle 256", &payload).expect("written");
    let file = cache.file("candle");
    let whole = std::fs::read(&file).expect("read");
    let damages: [(&str, Vec<u8>); 4] = [
        ("a flipped byte", {
            let mut bytes = whole.clone();
            let last = bytes.len() - 1;
            bytes[last] ^= 0x55;
            bytes
        }),
        ("cut short", whole[..whole.len() - 100].to_vec()),
        ("no header", b"not a bake at all".to_vec()),
        ("empty", Vec::new()),
    ];
    for (damage, bytes) in damages {
        std::fs::write(&file, &bytes).expect("damaged");
        match cache.read("candle", "candle 256").usable() {
            Err(Some(problem @ BakeFileProblem::Corrupt { .. })) => {
                assert!(problem.to_string().contains("candle.bake"), "{damage}: {problem}");
            }
            other => panic!("{damage}: {other:?}"),
        }
    }
    // Kept again, it is whole again.
    cache.keep("candle", "candle 256", &payload).expect("rewritten");
    assert_eq!(cache.read("candle", "candle 256").usable().expect("whole"), payload);
    let _ = std::fs::remove_dir_all(&cache.folder);
}

#[test]
fn a_cache_that_cannot_be_written_says_so_and_keeps_nothing() {
    // A file where the cache's folder should be.
    let blocker = std::env::temp_dir().join(format!("ecrin-bakes-{}-blocked", std::process::id()));
    std::fs::write(&blocker, b"a file").expect("blocker");
    let cache = BakeCache::at(blocker.join("bakes"));
    assert!(cache.keep("studio", "studio 256", &[1, 2, 3]).is_err());
    assert!(matches!(cache.read("studio", "studio 256").usable(), Err(Some(BakeFileProblem::Unreadable { .. }))));
    let _ = std::fs::remove_file(&blocker);
}
