// The text dialects in the order they run. Explicit syntaxes (special tokens, wrapper tags) go
// first and claim their text; the weak, prose-like dialects (pythonic, XML elements) go last.
import type { Strategy } from './types';
import { editBlocks } from './strategies/edit-blocks';
import { functionTags } from './strategies/function-tags';
import { gemma } from './strategies/gemma';
import { harmony } from './strategies/harmony';
import { jsonText } from './strategies/json-text';
import { mistral } from './strategies/mistral';
import { pythonTag } from './strategies/python-tag';
import { pythonic } from './strategies/pythonic';
import { react } from './strategies/react';
import { tagged } from './strategies/tagged';
import { xmlAttributes } from './strategies/xml-attributes';
import { xmlElement } from './strategies/xml-element';
import { yamlBlock } from './strategies/yaml-block';

export const STRATEGIES: readonly Strategy[] = [
  harmony,
  tagged,
  mistral,
  pythonTag,
  functionTags,
  xmlAttributes,
  gemma,
  react,
  jsonText,
  yamlBlock,
  xmlElement,
  editBlocks,
  pythonic,
];
