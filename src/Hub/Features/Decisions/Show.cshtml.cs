using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data.Decisions;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Decisions;

/// <summary>
/// One decision: the question, the proposal (with its earlier versions), the answers as the proposer chose to
/// show them, the form to answer, and for the proposer the forms to change the proposal or write the outcome.
/// </summary>
public sealed class DecisionModel(DecisionAccess access, DecisionAccess decisions, ViewerClock clock, AnswerDecision answer, AmendDecision amend,
    RecordOutcome record) : DecisionPageModel(access)
{
    public DecisionView Decision { get; private set; } = null!;
    public ViewerClock Clock => clock;

    [BindProperty] public DecisionResponse? Choice { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Proposal { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public DecisionResult? Result { get; set; }
    [BindProperty] public string? ResultNote { get; set; }

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
        if (Choice is not { } response)
        {
            ModelState.Remove(nameof(Choice));
            ModelState.AddModelError(nameof(Choice), "Choose agree, abstain, disagree or block.");
            return await ShowAsync();
        }
        return await AfterAsync(await answer.RunAsync(Decision, response, Reason, HttpContext.RequestAborted),
            response == DecisionResponse.Block ? "Your block is recorded with its reason. The proposal cannot be adopted as it is while it stands."
                : $"Your answer is recorded: {DecisionText.Response(response).ToLowerInvariant()}. You can change it until answers close.", ShowAsync);
    }

    public async Task<IActionResult> OnPostAmendAsync(Guid decision)
    {
        if (await LoadDecisionAsync(decision, c => c.IsMember) is { } refused)
        {
            return refused;
        }
        Editing = "Amend";
        return await AfterAsync(await amend.RunAsync(Decision, Proposal ?? "", Note ?? "", HttpContext.RequestAborted),
            "The proposal is changed. Earlier answers are kept, marked “before the change”, and their people are asked to look again.", ShowAsync);
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
            ModelState.AddModelError(nameof(Result), "Choose the outcome.");
            return await ShowAsync();
        }
        if (!Confirmed && ModelState.IsValid)
        {
            Confirming = true;
            return await ShowAsync();
        }
        return await AfterAsync(await record.RunAsync(Decision, result, ResultNote ?? "", HttpContext.RequestAborted),
            $"The outcome is written, and the decision stands in the log of {Circle.Name}. Everyone here hears of it.", ShowAsync);
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
        if (Editing != "Answer" && Decision.Mine is { } mine)
        {
            Choice ??= mine.Response;
            Reason ??= mine.Reason;
        }
        if (Editing != "Amend")
        {
            Proposal ??= Decision.Decision.Proposal;
        }
        Response.Headers.CacheControl = "no-store, private";
        return Page();
    }
}
