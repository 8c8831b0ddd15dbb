using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// One thread: its posts oldest first, each with its reactions, its earlier versions when edited, and for its
/// author the forms to change or delete it; the reply form; and for hosts, closing and hiding with a reason.
/// </summary>
public sealed class ConversationModel(ConversationAccess access, HubDbContext db, ViewerClock clock, PostReply reply, EditPost edit, DeletePost delete,
    ToggleReaction react, ModerateThread moderate, IStringLocalizer<Strings> strings, HtmlEncoder encoder, SharedReadCache reads) : ConversationPageModel(access)
{
    private ConversationThreadHtml.Words? words;

    public ConversationThreadView View { get; private set; } = null!;

    /// <summary>Each post's HTML as every member sees it in this language and zone (the page adds what is the reader's own).</summary>
    public IReadOnlyList<ConversationThreadHtml.Post> Rendered { get; private set; } = [];

    public ConversationThreadHtml.Words Words => words ??= ConversationThreadHtml.Words.Of(strings);

    public HtmlEncoder Encoder => encoder;
    public ViewerClock Clock => clock;
    public IReadOnlyList<(string UserId, string Name)> Members { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    /// <summary>The post whose edit form is open (from ?edit=, or sent back with a problem).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }

    /// <summary>Set when a delete or a hide waits for its second press.</summary>
    public Guid? ConfirmingDelete { get; private set; }
    public bool ConfirmingHide { get; private set; }

    /// <summary>Which form was sent back with a problem, so it opens with what was typed.</summary>
    public string? Editing { get; private set; }

    public static string Html(string markdown) => Updates.UpdatesMarkdown.ToHtmlKept(markdown);

    public async Task<IActionResult> OnGetAsync(Guid thread) => await LoadThreadAsync(thread) ?? await ShowAsync();

    public async Task<IActionResult> OnPostReplyAsync(Guid thread)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        Editing = "Reply";
        var (outcome, id) = await reply.RunAsync(Space, thread, Text ?? "", HttpContext.RequestAborted);
        return await AfterAsync(outcome, strings["Conversations.Notice.Replied"], ShowAsync, id is { } post ? $"{Request.Path}#post-{post:N}" : null);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid thread, Guid post)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        Editing = "Edit";
        Edit = post;
        return await AfterAsync(await edit.RunAsync(Space, thread, post, Text ?? "", HttpContext.RequestAborted),
            strings["Conversations.Notice.Edited"], ShowAsync, $"{Request.Path}#post-{post:N}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid thread, Guid post)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        if (!Confirmed)
        {
            ConfirmingDelete = post;
            return await ShowAsync();
        }
        return await AfterAsync(await delete.RunAsync(Space, thread, post, HttpContext.RequestAborted),
            strings["Conversations.Notice.Deleted"], ShowAsync, $"{Request.Path}#post-{post:N}");
    }

    /// <summary>A reaction button of the page's one reaction form: its value names the reaction and the post ("ThankYou:{post}").</summary>
    public async Task<IActionResult> OnPostReactAsync(Guid thread, string? reaction)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        var (kind, post) = reaction?.Split(':') is [var named, var id] && Enum.TryParse<ConversationReactionKind>(named, out var parsed) && Guid.TryParseExact(id, "N", out var postId)
            ? (parsed, postId) : ((ConversationReactionKind)(-1), Guid.Empty); // refused below as no reaction there is
        return await AfterAsync(await react.RunAsync(Space, thread, post, kind, HttpContext.RequestAborted), "", ShowAsync, $"{Request.Path}#post-{post:N}");
    }

    public Task<IActionResult> OnPostCloseAsync(Guid thread) => CloseAsync(thread, ThreadModeration.Close, strings["Conversations.Notice.Closed"]);

    public Task<IActionResult> OnPostReopenAsync(Guid thread) => CloseAsync(thread, ThreadModeration.Reopen, strings["Conversations.Notice.Reopened"]);

    public async Task<IActionResult> OnPostHideAsync(Guid thread)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        Editing = "Hide";
        if (!Confirmed && ConversationLimits.ReasonProblem(Reason ?? "", strings) is null)
        {
            ConfirmingHide = true;
            return await ShowAsync();
        }
        return await AfterAsync(await moderate.RunAsync(Space, thread, ThreadModeration.Hide, Reason ?? "", HttpContext.RequestAborted),
            strings[Space.Kind == ConversationSpaceKind.NetworkHosts ? "Conversations.Notice.HiddenNetwork" : "Conversations.Notice.Hidden"], ShowAsync);
    }

    public async Task<IActionResult> OnPostUnhideAsync(Guid thread)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        return await AfterAsync(await moderate.RunAsync(Space, thread, ThreadModeration.Show, "", HttpContext.RequestAborted), strings["Conversations.Notice.Shown"], ShowAsync);
    }

    private async Task<IActionResult> CloseAsync(Guid thread, ThreadModeration closing, string notice)
    {
        if (await LoadThreadAsync(thread) is { } refused)
        {
            return refused;
        }
        Editing = "Close";
        return await AfterAsync(await moderate.RunAsync(Space, thread, closing, Reason ?? "", HttpContext.RequestAborted), notice, ShowAsync);
    }

    private async Task<IActionResult?> LoadThreadAsync(Guid id)
    {
        if (await LoadSpaceAsync() is { } refused)
        {
            return refused;
        }
        var view = await Access.LoadAsync(Space, id, HttpContext.RequestAborted);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return null;
    }

    private async Task<IActionResult> ShowAsync()
    {
        var zone = await clock.ZoneAsync();
        Rendered = View.Kept.Rendered(ConversationThreadHtml.KeyFor(zone), () => ConversationThreadHtml.Render(View.Posts, strings, encoder, zone));
        // Who can be mentioned (the hint under the reply): the same for every member, kept a few seconds like the thread,
        // and read again at once when a membership or an account changes (their regions' versions are in the key).
        Members = await reads.GetOrLoadAsync<IReadOnlyList<(string, string)>>(SharedReadCache.Conversations,
            $"members:{Space.Kind}:{Space.Id}:{reads.Version(SharedReadCache.Congregations)}:{reads.Version(SharedReadCache.Care)}",
            async () => await Space.MembersAsync(db, HttpContext.RequestAborted));
        if (Editing is null && Edit is { } editing && View.Posts.FirstOrDefault(p => p.Id == editing) is { } post && View.IsMine(post))
        {
            Text = post.Text;
        }
        return Page();
    }
}
