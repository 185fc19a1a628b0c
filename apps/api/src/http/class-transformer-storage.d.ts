// class-transformer's metadata store (the `@Type` decorators' registry) ships without its own typings.
declare module 'class-transformer/cjs/storage' {
  export const defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
}
