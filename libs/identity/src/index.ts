export * from './signing-key';
export * from './tokens';
