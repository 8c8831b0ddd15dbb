using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// Tells people about a call, inside the caller's unit of work (nothing is saved here). Each person reads it in
/// their own language; the call's name and purpose, and the notes people write each other, stay as written.
/// </summary>
public sealed class CallNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings) : GroupNotices(db, notifier, templates, address)
{
    /// <summary>The announcement to a congregation's members, done for a member once they ask or the call closes.</summary>
    public static string CallAbout(Guid callId) => $"crew-call:{callId}";

    /// <summary>A request waiting for the caller's answer, done once they answer or the call closes.</summary>
    public static string RequestAbout(Guid requestId) => $"crew-call-request:{requestId}";

    public static string PathOf(string slug, Guid callId) => $"/congregations/{slug}/calls/{callId}";

    /// <summary>Why a call closed without taking someone's request further: the suffix of its keys.</summary>
    public enum Ending
    {
        ClosedByCaller,
        CallerLeft,
        Started,
    }

    /// <summary>Why an accepted place opened again.</summary>
    public enum StepBack
    {
        Withdrew,
        Left,
    }

    public Task PostedAsync(IReadOnlyCollection<string> members, string slug, string congregation, CrewCall call, string caller, CancellationToken cancellationToken) =>
        SendAsync(members, "congregation.crew-call", PathOf(slug, call.Id), () => new NoticeWords(
            strings["Email.Call.Posted.Subject", caller, congregation, call.Name],
            [
                strings.Plural("Email.Call.Posted.Calling", call.Size, caller, call.Name, strings[$"Email.Call.Kind.{call.Kind}"]),
                call.Purpose,
                When(call, "Email.Call.Posted.When", "Email.Call.Posted.FindATime"),
                strings["Email.Call.Posted.Ask", DateFormats.Format(call.EndsOn.ToDateTime(TimeOnly.MinValue), "d MMMM"), caller],
            ], strings["Email.Call.Action"]), cancellationToken, CallAbout(call.Id));

    public Task RequestAsync(string slug, CrewCall call, Guid requestId, string asker, string note, CancellationToken cancellationToken) =>
        SendAsync([call.CallerUserId], "crew.call-request", PathOf(slug, call.Id), () => new NoticeWords(
            strings["Email.Call.Request.Subject", asker, call.Name],
            [strings["Email.Call.Request.Wrote", asker, call.Name], note, strings["Email.Call.Request.Answer"]],
            strings["Email.Call.Request.Action"]), cancellationToken, RequestAbout(requestId));

    public Task AcceptedAsync(string userId, string slug, CrewCall call, string caller, CancellationToken cancellationToken) =>
        SendAsync([userId], "crew.call-accepted", PathOf(slug, call.Id), () => new NoticeWords(
            strings["Email.Call.Accepted.Subject", caller, call.Name],
            [strings["Email.Call.Accepted.Text", caller, call.Name], strings["Email.Call.Accepted.Until"]],
            strings["Email.Call.Action"]), cancellationToken);

    public Task DeclinedAsync(string userId, string slug, CrewCall call, string caller, string message, CancellationToken cancellationToken) =>
        SendAsync([userId], "crew.call-declined", PathOf(slug, call.Id), () => new NoticeWords(
            strings["Email.Call.Declined.Subject", caller, call.Name],
            [strings["Email.Call.Declined.Wrote", caller, call.Name], message, strings["Email.Call.Declined.Mix"]],
            strings["Email.Call.Action"]), cancellationToken);

    /// <summary>To those whose requests ended when the call closed, with why.</summary>
    public Task ClosedAsync(IReadOnlyCollection<string> userIds, string slug, CrewCall call, string caller, Ending why, CancellationToken cancellationToken) =>
        SendAsync(userIds, "crew.call-closed", PathOf(slug, call.Id), () => new NoticeWords(
            strings[$"Email.Call.Closed.{why}.Subject", caller, call.Name],
            [strings[$"Email.Call.Closed.{why}", caller, call.Name], strings["Email.Call.OtherWaysIn"]],
            strings["Email.Call.Closed.Action"]), cancellationToken);

    /// <summary>To the caller, when a place they had given opens again.</summary>
    public Task SteppedBackAsync(string slug, CrewCall call, string name, StepBack why, CancellationToken cancellationToken) =>
        SendAsync([call.CallerUserId], "crew.call-withdrawn", PathOf(slug, call.Id), () => new NoticeWords(
            strings["Email.Call.SteppedBack.Subject", name, call.Name],
            [strings[$"Email.Call.SteppedBack.{why}", name, call.Name], strings["Email.Call.SteppedBack.Open"]],
            strings["Email.Call.Action"]), cancellationToken);

    /// <summary>To the accepted people, when the caller starts the crew.</summary>
    public Task StartedAsync(IReadOnlyCollection<string> userIds, CrewCall call, Crew crew, string caller, int meetings, CancellationToken cancellationToken) =>
        SendAsync(userIds, "crew.formed", $"/crews/{crew.Id}", () => new NoticeWords(
            strings["Email.Call.Started.Subject", crew.Name],
            [
                strings.Plural("Email.Call.Started.WithYou", userIds.Count + 1, caller, crew.Name),
                When(call, "Email.Call.Started.When", "Email.Call.Started.FindATime"),
                strings.Plural("Email.Call.Started.Experiment", meetings),
            ], strings["Email.Round.Formed.Action"]), cancellationToken);

    /// <summary>The call's usual hour in the reader's words, or that the crew would find one ({0}: the zone).</summary>
    private string When(CrewCall call, string atKey, string openKey) => call.UsualDay is { } day && call.UsualTime is { } at
        ? strings[atKey, DateFormats.Culture.DateTimeFormat.GetDayName(day), at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), call.TimeZone]
        : strings[openKey, call.TimeZone];
}
