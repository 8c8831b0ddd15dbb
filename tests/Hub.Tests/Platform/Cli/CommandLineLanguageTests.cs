using System.Text.Json;
using Microsolidarity.Hub.Platform.Cli;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Cli;

/// <summary>The command line speaks the language of the locale settings; what scripts read (JSON, exit codes) does not change.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // no database: parse errors, a missing file and the groups verbs
public sealed class CommandLineLanguageTests
{
    private static Dictionary<string, string> German => new() { ["LANG"] = "de_DE.UTF-8" };

    [Theory]
    [InlineData(null, null, "de_DE.UTF-8", "de")]
    [InlineData("C.UTF-8", null, "de_DE.UTF-8", "en")] // LC_ALL wins over LANG, as in the C library
    [InlineData(null, "fr_CA.UTF-8", "de_DE.UTF-8", "fr")]
    [InlineData("", "", "pt_BR.UTF-8", "pt-PT")] // empty counts as not set
    [InlineData(null, null, "es_ES@euro", "es")]
    [InlineData(null, null, "ja_JP.UTF-8", "en")] // a language the hub does not speak
    [InlineData(null, null, "POSIX", "en")]
    [InlineData(null, null, null, "en")]
    public void LanguageOf_TheFirstLocaleSettingSet(string? all, string? messages, string? lang, string expected)
    {
        var environment = new Dictionary<string, string?> { ["LC_ALL"] = all, ["LC_MESSAGES"] = messages, ["LANG"] = lang };
        Assert.Equal(expected, CliWords.LanguageOf(name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public async Task German_Locale_MessagesInGerman_SameExitCodes()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-cli-de");
        var (exit, output) = await HubProcess.RunToEndAsync(folder, German, "seed");
        Assert.Equal(2, exit);
        Assert.Contains("seed braucht --demo (die Demo-Gemeinschaft)", output);
        Assert.DoesNotContain("seed needs --demo", output);

        (exit, output) = await HubProcess.RunToEndAsync(folder, German, "restore", "nowhere.zip");
        Assert.Equal(1, exit);
        Assert.Contains("Die Datei nowhere.zip gibt es nicht.", output);

        (exit, output) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), "restore", "nowhere.zip");
        Assert.Equal(1, exit);
        Assert.Contains("There is no file nowhere.zip.", output);
    }

    [Fact]
    public async Task German_Locale_GroupsJson_IsTheSame()
    {
        // A schedule without repeats exists and is found at once, so both runs give the same answer.
        string[] args = ["groups", "pairs", "--people", "6", "--rounds", "3", "--seed", "4", "--json"];
        var folder = TestPaths.NewTemporaryDirectory("hub-cli-json");
        var (englishExit, english) = await HubProcess.RunToEndAsync(folder, new Dictionary<string, string>(), args);
        var (germanExit, german) = await HubProcess.RunToEndAsync(folder, German, args);
        Assert.Equal((0, 0), (englishExit, germanExit));
        Assert.Equal(WithoutTime(english), WithoutTime(german));
    }

    /// <summary>The JSON as printed, without the one value that differs between runs.</summary>
    private static string WithoutTime(string output)
    {
        using var json = JsonDocument.Parse(output);
        var fields = json.RootElement.EnumerateObject().Where(p => p.Name != "elapsedMs").Select(p => $"{p.Name}={p.Value.GetRawText()}");
        Assert.Contains("elapsedMs", output);
        return string.Join('\n', fields);
    }
}
