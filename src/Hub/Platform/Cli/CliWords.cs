using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Platform.Cli;

/// <summary>
/// The command line's human messages in the language the environment names: LC_ALL, else LC_MESSAGES, else LANG (the
/// first that is set, as the C library and .NET read them), matched on its language part ("de_DE.UTF-8" is German,
/// "pt_BR.UTF-8" European Portuguese); English for C, POSIX and anything the hub does not speak. Only messages change:
/// verbs, options, exit codes and JSON stay the same in every language, and the help text is English for now.
/// </summary>
public static class CliWords
{
    /// <summary>The hub's words, without the web host: the verbs that parse, refuse or run without one need them too.</summary>
    public static readonly IStringLocalizer T = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(Strings));

    /// <summary>The shipped language the environment's locale settings name (see the class).</summary>
    public static string LanguageOf(Func<string, string?> environment)
    {
        foreach (var name in (string[])["LC_ALL", "LC_MESSAGES", "LANG"])
        {
            if (environment(name) is { Length: > 0 } locale)
            {
                return Languages.Normalize(locale.Split('.', '@')[0]) ?? Languages.English;
            }
        }
        return Languages.English;
    }

    /// <summary>The culture of <see cref="LanguageOf"/> for this process's environment.</summary>
    public static CultureInfo Culture => Languages.CultureOf(LanguageOf(Environment.GetEnvironmentVariable));

    /// <summary>
    /// Speaks the environment's language from here on in this flow (what a run-once verb awaits inherits it). Only the UI
    /// culture: numbers keep the culture .NET took from the environment, as they did.
    /// </summary>
    public static void Use() => CultureInfo.CurrentUICulture = Culture;

    /// <summary>"a, b or c" in the environment's language.</summary>
    public static string Or(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : T["Cli.Or", string.Join(", ", names.Take(names.Count - 1)), names[^1]];
}
