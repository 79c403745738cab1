// How tools reach the model: the server's native `tools` field, or described in text and read
// back by the forgiving parser. `auto` is a setting (the model profile's preference, else text),
// never a mode in use.

export type ToolMode = 'native' | 'text';
export type ToolModeSetting = ToolMode | 'auto';
