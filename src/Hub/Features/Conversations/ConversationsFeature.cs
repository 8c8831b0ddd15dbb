using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>Threads in congregations, working groups, crews, dyads and among the network's hosts: posts, replies, mentions, reactions, and replies by email.</summary>
public static class ConversationsFeature
{
    private static readonly string[] OtherSpaces = ["congregations/{slug}/working-groups/{group:guid}", "crews/{crew:guid}", "dyads/{dyad:guid}", "network"];

    public static WebApplicationBuilder AddConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConversationAccess>();
        builder.Services.AddScoped<ConversationNotices>();
        builder.Services.AddScoped<StartConversation>();
        builder.Services.AddScoped<PostReply>();
        builder.Services.AddScoped<EditPost>();
        builder.Services.AddScoped<DeletePost>();
        builder.Services.AddScoped<ToggleReaction>();
        builder.Services.AddScoped<ModerateThread>();
        builder.Services.AddScoped<IEmailReplyTarget, ConversationReplyTarget>();
        builder.Services.AddScoped<IPersonalData, ConversationPersonalData>();
        builder.Services.AddScoped<ISiteSearchSource, ConversationSearchSource>();
        // Every page has an address under a working group, a crew, a dyad and the network too: the route says whose conversations they are.
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var space in OtherSpaces)
            {
                o.Conventions.AddPageRoute("/Features/Conversations/Index", $"{space}/conversations");
                o.Conventions.AddPageRoute("/Features/Conversations/New", $"{space}/conversations/new");
                o.Conventions.AddPageRoute("/Features/Conversations/Show", $"{space}/conversations/{{thread:guid}}");
            }
        });
        return builder;
    }
}
