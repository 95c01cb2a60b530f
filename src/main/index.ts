// placeholder, replaced by the Electron entry of issue #6
export {}
