namespace Manuals.Core.Handovers;

/// <summary>A sign-off recorded in the app: who signed in which role, on which day, and who entered it.</summary>
public sealed record HandoverSignature(SignOffRole Role, string Name, DateOnly SignedOn, string RecordedByName, DateTimeOffset RecordedAt);
