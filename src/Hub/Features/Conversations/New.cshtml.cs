using Microsoft.AspNetCore.Mvc;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>Starting a conversation: a title and a first post.</summary>
public sealed class NewConversationModel(ConversationAccess access, StartConversation start, HubDbContext db) : ConversationPageModel(access)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<(string UserId, string Name)> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadSpaceAsync() ?? await ShowAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadSpaceAsync() is { } refused)
        {
            return refused;
        }
        var (outcome, id) = await start.RunAsync(Space, Title ?? "", Text ?? "", HttpContext.RequestAborted);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome);
            return await ShowAsync();
        }
        Notice = "Your conversation has begun; everyone here hears of it.";
        return Redirect(Space.PathOf(id!.Value));
    }

    private async Task<IActionResult> ShowAsync()
    {
        Members = await Space.MembersAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
