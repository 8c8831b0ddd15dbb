using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>What a thread's title and a post may hold, and the checks the forms show beside their fields.</summary>
public static class ConversationLimits
{
    public const int Title = 200, Text = 10000, Reason = 500;

    public static string? TitleProblem(string title, IStringLocalizer<Strings> strings) => title.Trim() switch
    {
        { Length: 0 } => strings["Conversations.Problem.TitleEmpty"].Value,
        { Length: > Title } => strings["Conversations.Problem.TitleLong", Title.ToString("N0", DateFormats.Culture)].Value,
        _ => null,
    };

    public static string? TextProblem(string text, IStringLocalizer<Strings> strings) => text.Trim() switch
    {
        { Length: 0 } => strings["Conversations.Problem.TextEmpty"].Value,
        { Length: > Text } => strings["Conversations.Problem.TextLong", Text.ToString("N0", DateFormats.Culture)].Value,
        _ => null,
    };

    public static string? ReasonProblem(string reason, IStringLocalizer<Strings> strings) => reason.Trim() switch
    {
        { Length: 0 } => strings["Conversations.Problem.ReasonEmpty"].Value,
        { Length: > Reason } => strings["Conversations.Problem.ReasonLong", Reason.ToString("N0", DateFormats.Culture)].Value,
        _ => null,
    };
}
