using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Decisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CongregationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Background = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Quorum = table.Column<int>(type: "INTEGER", nullable: true),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResultByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OutcomeAskedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_AspNetUsers_ProposerUserId",
                        column: x => x.ProposerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_AspNetUsers_ResultByUserId",
                        column: x => x.ResultByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Decisions_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_Crews_CrewId",
                        column: x => x.CrewId,
                        principalTable: "Crews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAmendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AmendedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionAmendments_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionAnswers_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAmendments_DecisionId_Version",
                table: "DecisionAmendments",
                columns: new[] { "DecisionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_DecisionId_UserId",
                table: "DecisionAnswers",
                columns: new[] { "DecisionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionAnswers_UserId",
                table: "DecisionAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CongregationId_CreatedAt",
                table: "Decisions",
                columns: new[] { "CongregationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CrewId_CreatedAt",
                table: "Decisions",
                columns: new[] { "CrewId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ProposerUserId",
                table: "Decisions",
                column: "ProposerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_Result_ClosesAt",
                table: "Decisions",
                columns: new[] { "Result", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ResultByUserId",
                table: "Decisions",
                column: "ResultByUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionAmendments");

            migrationBuilder.DropTable(
                name: "DecisionAnswers");

            migrationBuilder.DropTable(
                name: "Decisions");
        }
    }
}
