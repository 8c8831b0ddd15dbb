using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GatheringCrews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GatheringCrewSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    FormedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MovesSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Moves = table.Column<int>(type: "INTEGER", nullable: false),
                    MovesAgainstPreferences = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatheringCrewSets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatheringCrewSets_GatheringEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GatheringEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GatheringRatherNots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurrenceStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AboutUserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GatheringRatherNots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GatheringRatherNots_AspNetUsers_AboutUserId",
                        column: x => x.AboutUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GatheringRatherNots_AspNetUsers_FromUserId",
                        column: x => x.FromUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GatheringRatherNots_GatheringEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GatheringEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryCrews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContinuedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemporaryCrews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemporaryCrews_GatheringCrewSets_SetId",
                        column: x => x.SetId,
                        principalTable: "GatheringCrewSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryCrewMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemporaryCrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Continue = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemporaryCrewMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemporaryCrewMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TemporaryCrewMembers_TemporaryCrews_TemporaryCrewId",
                        column: x => x.TemporaryCrewId,
                        principalTable: "TemporaryCrews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GatheringCrewSets_EventId_OccurrenceStart",
                table: "GatheringCrewSets",
                columns: new[] { "EventId", "OccurrenceStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GatheringRatherNots_AboutUserId",
                table: "GatheringRatherNots",
                column: "AboutUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GatheringRatherNots_EventId_OccurrenceStart_FromUserId_AboutUserId",
                table: "GatheringRatherNots",
                columns: new[] { "EventId", "OccurrenceStart", "FromUserId", "AboutUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GatheringRatherNots_FromUserId",
                table: "GatheringRatherNots",
                column: "FromUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryCrewMembers_SetId_UserId",
                table: "TemporaryCrewMembers",
                columns: new[] { "SetId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryCrewMembers_TemporaryCrewId",
                table: "TemporaryCrewMembers",
                column: "TemporaryCrewId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryCrewMembers_UserId",
                table: "TemporaryCrewMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryCrews_SetId_Number",
                table: "TemporaryCrews",
                columns: new[] { "SetId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GatheringRatherNots");

            migrationBuilder.DropTable(
                name: "TemporaryCrewMembers");

            migrationBuilder.DropTable(
                name: "TemporaryCrews");

            migrationBuilder.DropTable(
                name: "GatheringCrewSets");
        }
    }
}
