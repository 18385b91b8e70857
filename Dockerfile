# One image for every Haven app; docker-compose picks the entry point per service.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Mount points of the JWT key volumes (docker-compose.yml): a new volume takes this owner.
RUN mkdir -p /keys/private /keys/public && chown -R node:node /keys
USER node
CMD ["node", "dist/apps/gateway/src/main.js"]
