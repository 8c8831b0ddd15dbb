using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>Starting a conversation: a title and a first post.</summary>
public sealed class NewConversationModel(ConversationAccess access, StartConversation start, HubDbContext db, IStringLocalizer<Strings> strings) : ConversationPageModel(access)
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
        Notice = strings["Conversations.Notice.Started"];
        return Redirect(Space.PathOf(id!.Value));
    }

    private async Task<IActionResult> ShowAsync()
    {
        Members = await Space.MembersAsync(db, HttpContext.RequestAborted);
        return Page();
    }
}
