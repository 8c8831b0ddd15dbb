using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddFormationRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FormationRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CongregationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PreferencesDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MinSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormationRounds_AspNetUsers_OpenedByUserId",
                        column: x => x.OpenedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_FormationRounds_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProposedCrews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SharedSlots = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CommonInterests = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FormedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposedCrews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProposedCrews_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProposedCrews_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormationParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 168, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedCrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnplacedReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationParticipants_ProposedCrews_ProposedCrewId",
                        column: x => x.ProposedCrewId,
                        principalTable: "ProposedCrews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "FormationPreferences",
                columns: table => new
                {
                    FromParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AboutParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Choice = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormationPreferences", x => new { x.FromParticipantId, x.AboutParticipantId });
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationParticipants_AboutParticipantId",
                        column: x => x.AboutParticipantId,
                        principalTable: "FormationParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationParticipants_FromParticipantId",
                        column: x => x.FromParticipantId,
                        principalTable: "FormationParticipants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormationPreferences_FormationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FormationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_ProposedCrewId",
                table: "FormationParticipants",
                column: "ProposedCrewId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_RoundId_UserId",
                table: "FormationParticipants",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormationParticipants_UserId",
                table: "FormationParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationPreferences_AboutParticipantId",
                table: "FormationPreferences",
                column: "AboutParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationPreferences_RoundId",
                table: "FormationPreferences",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationRounds_CongregationId",
                table: "FormationRounds",
                column: "CongregationId");

            migrationBuilder.CreateIndex(
                name: "IX_FormationRounds_OpenedByUserId",
                table: "FormationRounds",
                column: "OpenedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedCrews_CrewId",
                table: "ProposedCrews",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposedCrews_RoundId_Number",
                table: "ProposedCrews",
                columns: new[] { "RoundId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormationPreferences");

            migrationBuilder.DropTable(
                name: "FormationParticipants");

            migrationBuilder.DropTable(
                name: "ProposedCrews");

            migrationBuilder.DropTable(
                name: "FormationRounds");
        }
    }
}
