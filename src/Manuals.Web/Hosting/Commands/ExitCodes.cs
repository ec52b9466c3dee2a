namespace Manuals.Web.Hosting.Commands;

/// <summary>What every command returns to the shell (the README's table).</summary>
public static class ExitCodes
{
    /// <summary>The work is done, or <c>check</c> found nothing that needs attention.</summary>
    public const int Done = 0;

    /// <summary>The work failed, or was done only in part (a refused file), or <c>check</c> found something to do.</summary>
    public const int Failed = 1;

    /// <summary>The command line is wrong: an unknown command, a missing or bad argument or option.</summary>
    public const int Usage = 2;

    /// <summary>Refused before any change: a taken user name, a non-empty target, a file that is not a valid backup.</summary>
    public const int Refused = 3;
}
