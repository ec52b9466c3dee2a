namespace Manuals.Core.Handovers;

/// <summary>An entry of a handover's audit trail: what happened, to what (arguments), who did it and when.</summary>
public sealed record HandoverEvent(HandoverEventKind Kind, IReadOnlyList<string> Args, string ActorName, DateTimeOffset At);
