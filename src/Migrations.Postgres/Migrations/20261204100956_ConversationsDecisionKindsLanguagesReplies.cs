using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConversationsDecisionKindsLanguagesReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ChosenOptionId",
                table: "Decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkingGroupId",
                table: "Decisions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "AspNetUsers",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConversationThreads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CrewId = table.Column<Guid>(type: "uuid", nullable: true),
                    DyadId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastPostAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "text", nullable: true),
                    ModerationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationThreads_AspNetUsers_ModeratedByUserId",
                        column: x => x.ModeratedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConversationThreads_AspNetUsers_StartedByUserId",
                        column: x => x.StartedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConversationThreads_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationThreads_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationThreads_Dyads_DyadId",
                        column: x => x.DyadId,
                        principalTable: "Dyads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAdvisers",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAdvisers", x => new { x.DecisionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_DecisionAdvisers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionAdvisers_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionOptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionOptions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailReplyAddresses",
                columns: table => new
                {
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailReplyAddresses", x => x.Token);
                    table.ForeignKey(
                        name: "FK_EmailReplyAddresses_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailReplyReceipts",
                columns: table => new
                {
                    MessageKey = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Result = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailReplyReceipts", x => x.MessageKey);
                });

            migrationBuilder.CreateTable(
                name: "ConversationPosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationPosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationPosts_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ConversationPosts_ConversationThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "ConversationThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionPollAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Availability = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionPollAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionPollAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionPollAnswers_DecisionOptions_OptionId",
                        column: x => x.OptionId,
                        principalTable: "DecisionOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationPostVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReplacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationPostVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationPostVersions_ConversationPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "ConversationPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConversationReactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationReactions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationReactions_ConversationPosts_PostId",
                        column: x => x.PostId,
                        principalTable: "ConversationPosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_WorkingGroupId_CreatedAt",
                table: "Decisions",
                columns: new[] { "WorkingGroupId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationPosts_AuthorUserId",
                table: "ConversationPosts",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationPosts_ThreadId_CreatedAt_Id",
                table: "ConversationPosts",
                columns: new[] { "ThreadId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationPostVersions_PostId_WrittenAt",
                table: "ConversationPostVersions",
                columns: new[] { "PostId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReactions_PostId_UserId_Kind",
                table: "ConversationReactions",
                columns: new[] { "PostId", "UserId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReactions_UserId",
                table: "ConversationReactions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_CongregationId_LastPostAt",
                table: "ConversationThreads",
                columns: new[] { "CongregationId", "LastPostAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_CrewId_LastPostAt",
                table: "ConversationThreads",
                columns: new[] { "CrewId", "LastPostAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_DyadId_LastPostAt",
                table: "ConversationThreads",
                columns: new[] { "DyadId", "LastPostAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_ModeratedByUserId",
                table: "ConversationThreads",
                column: "ModeratedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_StartedByUserId",
                table: "ConversationThreads",
                column: "StartedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAdvisers_UserId",
                table: "DecisionAdvisers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionOptions_DecisionId_Position",
                table: "DecisionOptions",
                columns: new[] { "DecisionId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_DecisionId_UserId",
                table: "DecisionPollAnswers",
                columns: new[] { "DecisionId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_OptionId_UserId",
                table: "DecisionPollAnswers",
                columns: new[] { "OptionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionPollAnswers_UserId",
                table: "DecisionPollAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyAddresses_CreatedAt",
                table: "EmailReplyAddresses",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyAddresses_UserId",
                table: "EmailReplyAddresses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyReceipts_ProcessedAt",
                table: "EmailReplyReceipts",
                column: "ProcessedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_WorkingGroups_WorkingGroupId",
                table: "Decisions",
                column: "WorkingGroupId",
                principalTable: "WorkingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_WorkingGroups_WorkingGroupId",
                table: "Decisions");

            migrationBuilder.DropTable(
                name: "ConversationPostVersions");

            migrationBuilder.DropTable(
                name: "ConversationReactions");

            migrationBuilder.DropTable(
                name: "DecisionAdvisers");

            migrationBuilder.DropTable(
                name: "DecisionPollAnswers");

            migrationBuilder.DropTable(
                name: "EmailReplyAddresses");

            migrationBuilder.DropTable(
                name: "EmailReplyReceipts");

            migrationBuilder.DropTable(
                name: "ConversationPosts");

            migrationBuilder.DropTable(
                name: "DecisionOptions");

            migrationBuilder.DropTable(
                name: "ConversationThreads");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_WorkingGroupId_CreatedAt",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ChosenOptionId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "WorkingGroupId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "AspNetUsers");
        }
    }
}
