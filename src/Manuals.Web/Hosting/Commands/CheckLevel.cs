namespace Manuals.Web.Hosting.Commands;

/// <summary>How much a finding of <c>check</c> matters; any <see cref="Attention"/> makes the command exit with 1.</summary>
public enum CheckLevel
{
    Ok,
    Info,
    Attention,
}
