using System.Globalization;
using Manuals.Core.Handovers;
using Microsoft.Extensions.Localization;

namespace Manuals.Web.Features.Handovers;

/// <summary>Turns an audit-trail entry into a sentence: codes in its arguments (reason, role, status) become words, ISO dates become dates.</summary>
public static class HandoverEventText
{
    public static string Describe(HandoverEvent entry, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(l);
        string Arg(int i) => i < entry.Args.Count ? entry.Args[i] : "";
        string Word(string prefix, int i) => l[$"{prefix}.{Arg(i)}"].Value;
        string Date(int i) => DateOnly.TryParseExact(Arg(i), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? HandoverText.Day(d) : Arg(i);
        object[] args = entry.Kind switch
        {
            HandoverEventKind.Started => [Arg(0), Word("Handovers.Reason", 1), Date(2)],
            HandoverEventKind.SignedOff or HandoverEventKind.SignedOffOnBehalf => [Word("Handovers.SignOff", 0), Arg(1), Date(2)],
            HandoverEventKind.SignOffWithdrawn => [Word("Handovers.SignOff", 0), Arg(1)],
            HandoverEventKind.MatrixChanged => [Arg(0), Arg(1), Arg(2), Arg(3), Word("Coverage.Role", 4), Word("Coverage.Role", 5)],
            HandoverEventKind.OwnerMoved => [Arg(0), Arg(1).Length == 0 ? l["Handovers.Event.NoOwner"].Value : Arg(1), Arg(2)],
            HandoverEventKind.StatusChanged => [Arg(0), Word("Coverage.Status", 1), Date(2)],
            _ => entry.Args.Cast<object>().ToArray(),
        };
        return l[$"Handovers.Event.{entry.Kind}", args].Value;
    }
}
