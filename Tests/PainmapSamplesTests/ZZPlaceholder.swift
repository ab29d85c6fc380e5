// Placeholder so the manifest resolves while this target is being written; removed when real sources land.
