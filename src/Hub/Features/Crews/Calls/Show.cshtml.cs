using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Crews.Calls;

/// <summary>
/// One call. The caller sees each request with its note and answers it, then starts the crew or closes the
/// call; any other member asks to join with a note, or sees where their request stands.
/// </summary>
public sealed class CrewCallModel(CongregationAccess access, CallAccess calls, ViewerClock clock, AskToJoinCall ask, WithdrawRequest withdraw,
    AnswerJoinRequest answer, CloseCall close, StartCrewFromCall start,
    IStringLocalizer<Strings> strings) : CongregationPageModel(access)
{
    public CallView Call { get; private set; } = null!;
    public ViewerClock Clock => clock;
    public string UsualHour { get; private set; } = "";

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public string? Message { get; set; }

    /// <summary>Set by the second press of a button whose effect cannot be undone (closing the call, starting the crew).</summary>
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>Which action the page asks to confirm: "Close" or "Start"; null when none.</summary>
    public string? Confirming { get; private set; }

    /// <summary>The request whose decline was sent back with a problem, so its form opens with what was typed.</summary>
    public Guid? Declining { get; private set; }

    public string DeclineDraft(CrewCallRequest request) => Declining == request.Id && !string.IsNullOrWhiteSpace(Message) ? Message
        : AnswerJoinRequest.DefaultDecline(request.User.DisplayName, Call.Call.Caller.DisplayName, View.Congregation.Name, strings);

    public async Task<IActionResult> OnGetAsync(string slug, Guid id) => await LoadCallAsync(slug, id) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAskAsync(string slug, Guid id) =>
        await LoadCallAsync(slug, id, v => v.IsMember)
        ?? await AfterAsync(await ask.RunAsync(Call, Note ?? "", HttpContext.RequestAborted),
            strings["Crews.CallPage.Asked.Notice", Call.Call.Caller.DisplayName], ShowAsync);

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id) =>
        await LoadCallAsync(slug, id, v => v.IsMember)
        ?? await AfterAsync(await withdraw.RunAsync(Call, HttpContext.RequestAborted), strings["Crews.CallPage.Withdrawn.Notice"], ShowAsync);

    public async Task<IActionResult> OnPostAcceptAsync(string slug, Guid id) =>
        await LoadCallAsync(slug, id, v => v.IsMember)
        ?? await AfterAsync(await answer.RunAsync(Call, RequestId, accept: true, "", HttpContext.RequestAborted),
            strings["Crews.CallPage.Accepted.Notice", NameOf(RequestId)], ShowAsync);

    public async Task<IActionResult> OnPostDeclineAsync(string slug, Guid id)
    {
        if (await LoadCallAsync(slug, id, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        Declining = RequestId;
        return await AfterAsync(await answer.RunAsync(Call, RequestId, accept: false, Message ?? "", HttpContext.RequestAborted),
            strings["Crews.CallPage.Declined.Notice", NameOf(RequestId)], ShowAsync);
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, Guid id)
    {
        if (await LoadCallAsync(slug, id, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (!Confirmed)
        {
            Confirming = "Close";
            return await ShowAsync();
        }
        return await AfterAsync(await close.RunAsync(Call, HttpContext.RequestAborted), strings["Crews.CallPage.Closed.Notice"], ShowAsync);
    }

    public async Task<IActionResult> OnPostStartAsync(string slug, Guid id)
    {
        if (await LoadCallAsync(slug, id, v => v.IsMember) is { } refused)
        {
            return refused;
        }
        if (!Confirmed)
        {
            Confirming = "Start";
            return await ShowAsync();
        }
        var (outcome, crewId) = await start.RunAsync(Call, HttpContext.RequestAborted);
        return await AfterAsync(outcome, strings["Crews.CallPage.Started.Notice"], ShowAsync,
            crewId is { } crew ? $"/crews/{crew}" : null);
    }

    private string NameOf(Guid requestId) => Call.Requests.FirstOrDefault(r => r.Id == requestId)?.User.DisplayName ?? strings["Crews.Someone"];

    private async Task<IActionResult?> LoadCallAsync(string slug, Guid id, Func<CongregationView, bool>? allowed = null)
    {
        if (await LoadAsync(slug, v => v.CanSeeMembers) is { } refused)
        {
            return refused;
        }
        var call = await calls.LoadAsync(View, id, HttpContext.RequestAborted);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        return allowed is null || allowed(View) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync()
    {
        await clock.ZoneAsync();
        clock.FallBackTo(Call.Call.TimeZone, strings["Crews.CallPage.CallsZone"]);
        UsualHour = CallTimes.UsualHour(Call.Call, clock.OwnZone, Call.Now, strings);
        return Page();
    }
}
