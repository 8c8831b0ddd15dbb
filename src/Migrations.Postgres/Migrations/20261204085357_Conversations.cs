using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Conversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationPostVersions");

            migrationBuilder.DropTable(
                name: "ConversationReactions");

            migrationBuilder.DropTable(
                name: "ConversationPosts");

            migrationBuilder.DropTable(
                name: "ConversationThreads");
        }
    }
}
