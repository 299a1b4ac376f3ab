/** A migration file that was applied has since been edited: the database no longer matches the code. */
export class AppliedMigrationWasChanged extends Error {
  constructor(
    readonly namespace: string,
    readonly fileName: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `migration ${namespace}/${fileName} was applied with sha-256 ${appliedChecksum} but the file now ` +
        `has ${fileChecksum}; applied migrations must never change, add a new file instead`,
    );
    this.name = 'AppliedMigrationWasChanged';
  }
}

/** A `.sql` file in a migrations folder is not named `<version>_<name>.sql`. */
export class MigrationFileNameIsInvalid extends Error {
  constructor(
    readonly namespace: string,
    readonly fileName: string,
  ) {
    super(`migration file ${namespace}/${fileName} must be named <version>_<name>.sql, e.g. 0001_events.sql`);
    this.name = 'MigrationFileNameIsInvalid';
  }
}

/** Two files of one namespace claim the same version number. */
export class MigrationVersionIsDuplicated extends Error {
  constructor(
    readonly namespace: string,
    readonly version: number,
    readonly fileNames: readonly string[],
  ) {
    super(`migration version ${version} of ${namespace} is claimed by ${fileNames.join(' and ')}`);
    this.name = 'MigrationVersionIsDuplicated';
  }
}

/** A migration file's SQL failed; its transaction was rolled back and later files were not applied. */
export class MigrationFileFailedToApply extends Error {
  constructor(
    readonly namespace: string,
    readonly fileName: string,
    cause: unknown,
  ) {
    super(`migration ${namespace}/${fileName} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationFileFailedToApply';
  }
}
