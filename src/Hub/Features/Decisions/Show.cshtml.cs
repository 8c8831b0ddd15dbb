using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// One decision: the question, the proposal (with its earlier versions), the answers as the proposer chose to
/// show them, the form to answer, and for the proposer the forms to change the proposal or write the outcome.
/// </summary>
public sealed class DecisionModel(DecisionAccess access, DecisionAccess decisions, ViewerClock clock, AnswerDecision answer, AmendDecision amend,
    RecordOutcome record, AnswerPoll poll, IStringLocalizer<Strings> strings) : DecisionPageModel(access)
{
    public DecisionView Decision { get; private set; } = null!;
    public ViewerClock Clock => clock;

    [BindProperty] public DecisionResponse? Choice { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Proposal { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DecisionResult? Result { get; set; }
    [BindProperty] public string? ResultNote { get; set; }

    /// <summary>A time poll's chosen time, when the proposer closes it.</summary>
    [BindProperty] public Guid? Chosen { get; set; }

    /// <summary>
    /// A time poll's answers, by candidate time (<c>Availability[id]=Yes</c>). Named, so that a form without them (an
    /// answer, an outcome) is not read as a dictionary of its own fields, whose names are no candidate times.
    /// </summary>
    [BindProperty(Name = nameof(Availability))] public Dictionary<Guid, PollAvailability>? Availability { get; set; }

    /// <summary>Set by the second press of "Write the outcome": it cannot be undone.</summary>
    [BindProperty] public bool Confirmed { get; set; }

    public bool Confirming { get; private set; }

    /// <summary>Which form was sent back with a problem, so it opens with what was typed.</summary>
    public string? Editing { get; private set; }

    public static string Html(string markdown) => Updates.UpdatesMarkdown.ToHtml(markdown);

    public async Task<IActionResult> OnGetAsync(Guid decision) => await LoadDecisionAsync(decision) ?? await ShowAsync();

    public async Task<IActionResult> OnPostAnswerAsync(Guid decision)
    {
        if (await LoadDecisionAsync(decision, c => c.IsMember) is { } refused)
        {
            return refused;
        }
        Editing = "Answer";
        var advice = Decision.Kind == DecisionKind.Advice;
        // Advice may come without a side taken.
        if (advice && Choice is null && ModelState[nameof(Choice)] is not { Errors.Count: > 0 })
        {
            Choice = DecisionResponse.Advice;
        }
        if (Choice is not { } response)
        {
            ModelState.Remove(nameof(Choice));
            ModelState.AddModelError(nameof(Choice), strings[advice ? "Decisions.Problem.ChooseStance" : "Decisions.Problem.ChooseResponse"]);
            return await ShowAsync();
        }
        return await AfterAsync(await answer.RunAsync(Decision, response, Reason, HttpContext.RequestAborted),
            advice ? strings["Decisions.Notice.Advice", Decision.Decision.Proposer.DisplayName]
            : response == DecisionResponse.Block ? strings["Decisions.Notice.Block"]
                : strings["Decisions.Notice.Answer", DecisionText.CountLabel(strings, response)], ShowAsync);
    }

    public async Task<IActionResult> OnPostPollAsync(Guid decision)
    {
        if (await LoadDecisionAsync(decision, c => c.IsMember) is { } refused)
        {
            return refused;
        }
        Editing = "Poll";
        if (ModelState.Keys.Any(k => k.StartsWith(nameof(Availability), StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0))
        {
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Availability), StringComparison.Ordinal)).ToList())
            {
                ModelState.Remove(key);
            }
            ModelState.AddModelError(nameof(Availability), strings["Decisions.Problem.ChooseAvailability"]);
            return await ShowAsync();
        }
        return await AfterAsync(await poll.RunAsync(Decision, Availability ?? [], HttpContext.RequestAborted),
            strings["Decisions.Notice.Poll"], ShowAsync);
    }

    public async Task<IActionResult> OnPostAmendAsync(Guid decision)
    {
        if (await LoadDecisionAsync(decision, c => c.IsMember) is { } refused)
        {
            return refused;
        }
        Editing = "Amend";
        return await AfterAsync(await amend.RunAsync(Decision, Proposal ?? "", Note ?? "", HttpContext.RequestAborted),
            strings["Decisions.Notice.Amended"], ShowAsync);
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid decision)
    {
        if (await LoadDecisionAsync(decision) is { } refused)
        {
            return refused;
        }
        Editing = "Outcome";
        if (Result is not { } result)
        {
            ModelState.Remove(nameof(Result));
            ModelState.AddModelError(nameof(Result), strings["Decisions.Problem.ChooseOutcome"]);
            return await ShowAsync();
        }
        if (Decision.Kind == DecisionKind.TimePoll && result == DecisionResult.Adopted && Chosen is null)
        {
            ModelState.AddModelError(nameof(Chosen), strings["Decisions.Problem.ChooseTime"]);
            return await ShowAsync();
        }
        // The first press only asks to confirm: the outcome cannot be changed once written.
        if (!Confirmed)
        {
            Confirming = true;
            return await ShowAsync();
        }
        return await AfterAsync(await record.RunAsync(Decision, result, ResultNote ?? "", Chosen, HttpContext.RequestAborted),
            strings["Decisions.Notice.Outcome", Circle.Name], ShowAsync);
    }

    private async Task<IActionResult?> LoadDecisionAsync(Guid id, Func<DecisionCircle, bool>? allowed = null)
    {
        if (await LoadCircleAsync() is { } refused)
        {
            return refused;
        }
        var view = await decisions.LoadAsync(Circle, id, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        Decision = view;
        return allowed is null || allowed(Circle) ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync()
    {
        await clock.ZoneAsync();
        if (Editing != "Poll")
        {
            Availability = Decision.Options.Where(o => Decision.MyAvailability(o) is not null).ToDictionary(o => o.Id, o => Decision.MyAvailability(o)!.Value);
        }
        if (Editing != "Answer" && Decision.Mine is { } mine)
        {
            Choice ??= mine.Response;
            Reason ??= mine.Reason;
        }
        if (Editing != "Amend")
        {
            Proposal ??= Decision.Decision.Proposal;
        }
        NotKept.Say(Response);
        return Page();
    }
}
