/** The document register (sổ văn bản đi), pure: numbering, voiding, the number line, the Excel rows. */
export * from './types';
export * from './symbol';
export * from './number-line';
export * from './register';
export * from './kinds';
export * from './records';
