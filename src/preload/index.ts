// placeholder, replaced by the bridge of issue #6
export {}
