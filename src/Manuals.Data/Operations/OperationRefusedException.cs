namespace Manuals.Data.Operations;

/// <summary>
/// Thrown when an operation refuses to go on. <see cref="Detail"/> names the table, file, tool or versions; it is not
/// localized (the command line words <see cref="Reason"/> in Japanese and shows the detail beside it).
/// </summary>
public sealed class OperationRefusedException(OperationRefusal reason, string detail)
    : Exception($"{reason}: {detail}")
{
    public OperationRefusal Reason { get; } = reason;

    public string Detail { get; } = detail;
}
