using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MeetingRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CasePreparations",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Tried = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePreparations", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_CasePreparations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CasePreparations_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrewPlans",
                columns: table => new
                {
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AnyoneMoves = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrewPlans", x => x.CrewId);
                    table.ForeignKey(
                        name: "FK_CrewPlans_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingCommitments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingCommitments_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRooms",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    StepStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRooms", x => x.MeetingId);
                    table.ForeignKey(
                        name: "FK_MeetingRooms_CrewMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "CrewMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CasePreparations_UserId",
                table: "CasePreparations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_CrewId_UserId",
                table: "MeetingCommitments",
                columns: new[] { "CrewId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_MeetingId_UserId_Position",
                table: "MeetingCommitments",
                columns: new[] { "MeetingId", "UserId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingCommitments_UserId",
                table: "MeetingCommitments",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CasePreparations");

            migrationBuilder.DropTable(
                name: "CrewPlans");

            migrationBuilder.DropTable(
                name: "MeetingCommitments");

            migrationBuilder.DropTable(
                name: "MeetingRooms");
        }
    }
}
