using System.CommandLine;
using System.Globalization;

namespace Manuals.Web.Hosting.Commands;

/// <summary>
/// The language of help and messages: Japanese unless <c>--lang en</c> is given (anywhere on the line). The locale
/// variables (<c>LANG</c>) are not consulted: servers often run with <c>C.UTF-8</c> or <c>en_US.UTF-8</c> whatever their
/// operators read, and the product's language is Japanese.
/// </summary>
public static class CommandLanguage
{
    public const string Japanese = "ja";
    public const string English = "en";

    /// <summary>The global option; the culture is read from the arguments before parsing, so help is written in it.</summary>
    public static Option<string> CreateOption(string description)
    {
        var option = new Option<string>("--lang")
        {
            Description = description,
            Recursive = true,
            HelpName = "ja|en",
        };
        option.AcceptOnlyFromAmong(Japanese, English);
        return option;
    }

    /// <summary>The culture <c>--lang</c> names among <paramref name="args"/>; Japanese when absent or not one we know.</summary>
    public static CultureInfo Choose(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                value = args[i + 1];
            }
            else if (args[i].StartsWith("--lang=", StringComparison.Ordinal) || args[i].StartsWith("--lang:", StringComparison.Ordinal))
            {
                value = args[i]["--lang=".Length..];
            }
        }

        return new CultureInfo(value == English ? "en-US" : "ja-JP");
    }
}
