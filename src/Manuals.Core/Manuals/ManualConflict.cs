namespace Manuals.Core.Manuals;

/// <summary>What a writer needs to see when someone saved first: the merge proposal and who saved, when.</summary>
/// <param name="Merge">The writer's edit merged with the current manual, field by field.</param>
/// <param name="Latest">The current revision: who saved it and when (null only if it vanished meanwhile).</param>
/// <param name="SavesSince">How many saves came after the revision the writer started from (1 or more).</param>
public sealed record ManualConflict(ManualMerge Merge, ManualRevision? Latest, int SavesSince);
